// aws-cdk-lib runs a built-in CloudFormation validation on every synth (~2 s, ~300 MB).
// Unit tests turn it off; the CI synth of the whole app (`npm start`) keeps it on.
process.env.CDK_VALIDATION = 'false';
