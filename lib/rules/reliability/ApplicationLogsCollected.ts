import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, notShown, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, DeployTimeValue, isObject, literalString, ResourceValue, Text } from '../../aws';
import { resolveResource } from '../utils/references';
import { nodegroupsOf } from '../utils/instances';
import { accountOf, associationSelects, ComputeView, computeOf, isDocument, ssmInAccountOf } from '../utils/windows';

const INSTANCE_TYPES = ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'];
const TYPES = [...INSTANCE_TYPES, 'AWS::ECS::TaskDefinition'];

/** A log agent installed, configured or started by user data or cfn-init metadata, or forwarding set up for syslog. */
const LOG_AGENT = new RegExp([
  'amazon-cloudwatch-agent', 'AmazonCloudWatchAgent', '\\bawslogsd?\\b', 'fluent-?bit', '\\btd-agent\\b', '\\bfluentd\\b', '\\bfilebeat\\b',
  'splunkforwarder', '\\bnxlog\\b', 'datadog-agent', 'aws-otel-collector', '\\botelcol', '/etc/vector/', '\\bvector\\.(?:toml|yaml)\\b',
  // rsyslog forwarding: `*.* @@logs.example.com:514`, `action(type="omfwd" ...)`
  '\\*\\.\\*\\s+@@?[\\w.-]+', 'omfwd',
].join('|'), 'i');

/** Container images of log collectors, for ECS daemon services that read every container's output on the host. */
const LOG_COLLECTOR_IMAGE = /fluent-?bit|fluentd|datadog\/agent|splunk|aws-otel-collector|opentelemetry-collector|timberio\/vector|filebeat|cloudwatch-agent/i;

/** Container hosts: the application runs in containers whose logs their own definitions send (ECS, EKS). */
const CONTAINER_HOST = /ECS_CLUSTER=|\/etc\/ecs\/ecs\.config|\/etc\/eks\/bootstrap\.sh|\bnodeadm\b/;

/** Docker log drivers that send a container's output off the host (`syslog` only with a remote `syslog-address`). */
const SHIPPING_DRIVERS = ['awslogs', 'awsfirelens', 'splunk', 'fluentd', 'gelf', 'logentries'];

/** SSM public parameters of images AWS publishes with no log agent configured (Marketplace images are the vendor's). */
const AWS_IMAGE_PARAMETER = /^\/aws\/service\/(?!marketplace\/)/;

/**
 * Reads: the instances an app launches (`AWS::EC2::Instance` with what it inherits from its launch template,
 * `AWS::EC2::LaunchTemplate`, `AWS::AutoScaling::LaunchConfiguration`): their user data (through the resolver: a
 * reference to a bucket or a parameter's name in it is not a command), `AWS::CloudFormation::Init` metadata and image,
 * and the `AWS::SSM::Association`s of their account; and `AWS::ECS::TaskDefinition` container definitions, with the
 * daemon `AWS::ECS::Service`s of the account.
 * Container hosts (user data that joins an ECS cluster or an EKS node group) are not applicable: the application's
 * logs are their containers'. A launch template of `AWS::EKS::Nodegroup`s (Amazon EKS bootstraps those nodes itself)
 * runs pods whose logs a DaemonSet in the cluster collects: it passes when an `AWS::EKS::Addon`
 * `amazon-cloudwatch-observability` (the CloudWatch agent and Fluent Bit) is on each node group's cluster, and is not
 * shown otherwise (a DaemonSet installed with kubectl or Helm is outside the template). An instance launched from a launch template without user data of its own is judged
 * with the template.
 * Item 2.3: "All log information from the application, and from the AWS infrastructure, should be consolidated into a
 * single system".
 * Passes when: the user data or cfn-init metadata installs, configures or starts a log agent (the CloudWatch agent,
 * Fluent Bit, Fluentd, Filebeat, the Splunk forwarder, NXLog, the Datadog agent, an OpenTelemetry collector, Vector, the
 * awslogs agent) or forwards syslog to a remote host; or a State Manager association selecting the instances runs
 * `AmazonCloudWatch-ManageAgent`, or `AWS-ConfigureAWSPackage` with `AmazonCloudWatchAgent`; every container of a task
 * definition sends its output off the host (awslogs, awsfirelens, splunk, fluentd, gelf, logentries, syslog to a
 * remote `syslog-address`), or a daemon service of the account runs a log collector image that reads it on the host.
 * Fails when: none of these, so the application's logs stay on the instance (an image AWS publishes has no agent
 * configured; for any other image the finding says the template cannot show it: acknowledge it if the image ships a
 * configured agent); a container has no `LogConfiguration` or a driver that keeps its output on the host (json-file,
 * local, journald, syslog without an address) or drops it (none). User data with a part unknown at synth that could
 * hold commands (a parameter) is unverifiable.
 * Fix: install and configure the CloudWatch agent from user data (`amazon-cloudwatch-agent-ctl -a fetch-config`) or
 * with State Manager associations (AWS-ConfigureAWSPackage AmazonCloudWatchAgent, then AmazonCloudWatch-ManageAgent),
 * and give every container an awslogs or FireLens log configuration.
 */
export const ApplicationLogsCollected = defineRule({
  name: 'ApplicationLogsCollected',
  description: 'Instances and containers send their application logs off the host',
  fix: 'Install and configure a log agent on the instances (the CloudWatch agent from user data, or State Manager associations AWS-ConfigureAWSPackage AmazonCloudWatchAgent and AmazonCloudWatch-ManageAgent) and give every container definition an awslogs or awsfirelens log configuration',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type === 'AWS::ECS::TaskDefinition') return containers(r, app);
    if (!INSTANCE_TYPES.includes(r.type)) return NOT_APPLICABLE;
    const compute = computeOf(r, app);
    if (!compute) return NOT_APPLICABLE;
    if (r.type === 'AWS::EC2::Instance' && r.properties.UserData === undefined && r.properties.LaunchTemplate !== undefined) return NOT_APPLICABLE;
    if (r.type === 'AWS::EC2::LaunchTemplate' && nodegroupsOf(r, app).length > 0) return eksNodes(nodegroupsOf(r, app), app);
    const location = r.type === 'AWS::EC2::LaunchTemplate' ? 'LaunchTemplateData/UserData' : 'UserData';
    const userData = userDataTexts(r, compute.userData, location, app);
    if ('verdict' in userData) return userData.verdict;
    if (userData.texts.some((t) => CONTAINER_HOST.test(t))) return NOT_APPLICABLE;
    if (userData.texts.some((t) => LOG_AGENT.test(t)) || LOG_AGENT.test(JSON.stringify(r.metadata['AWS::CloudFormation::Init'] ?? ''))) return COMPLIANT;
    const associations = ssmInAccountOf(r, app, 'AWS::SSM::Association').filter(isAgentAssociation);
    if (associations.some((a) => associationSelects(a, r, compute))) return COMPLIANT;
    if (userData.unknown !== undefined) return unverifiable('whether the user data installs a log agent', userData.unknown, location);
    const others = associations.length === 0 ? '' : ` (${associations.map((a) => a.path).join(', ')} ${associations.length === 1 ? 'selects' : 'select'} other instances)`;
    const none = `neither the user data nor cfn-init metadata installs a log agent, and no State Manager association selecting these instances configures the CloudWatch agent${others}`;
    const image = imageOf(compute, app);
    if (image.awsPublished) return nonCompliant(`${none}: nothing in the template sends the application's logs off the instances (${image.label} is an image AWS publishes, with no log agent configured)`, location);
    return nonCompliant(`${none}, and the image (${image.label}) is not one AWS publishes, so the template cannot show that the application's logs leave the instances (if the image ships a configured log agent, acknowledge this finding saying so)`, location);
  },
});

function isAgentAssociation(a: ResourceView): boolean {
  const p = a.properties;
  if (isDocument(p.Name, 'AmazonCloudWatch-ManageAgent')) return !asList(p.Parameters?.action).includes('stop');
  return isDocument(p.Name, 'AWS-ConfigureAWSPackage') && asList(p.Parameters?.name).includes('AmazonCloudWatchAgent');
}

/**
 * The text of user data in every `Fn::If` branch (resource references rendered as placeholders: a bucket's name is not
 * a command), and the first part that could hold commands but is not known at synth (a parameter), if any.
 */
function userDataTexts(r: ResourceView, raw: unknown, location: string, app: AppView): { texts: string[]; unknown?: unknown } | { verdict: RuleVerdict } {
  if (raw === undefined) return { texts: [] };
  const res = app.resolveValue(r, raw, location);
  if (!res.ok) return { verdict: unverifiable('the user data', res.unresolved, location) };
  let unknown: unknown;
  const texts = res.values.map(({ value }) => {
    if (typeof value === 'string') return decoded(value);
    if (value instanceof Text) {
      unknown ??= value.parts.find((p) => p instanceof DeployTimeValue && p.kind !== 'pseudo');
      return value.render();
    }
    if (value instanceof ResourceValue || value instanceof DeployTimeValue) unknown ??= value;
    return '';
  });
  return { texts, unknown };
}

/** User data given as a base64 literal is decoded; any other string is the script itself. */
function decoded(text: string): string {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0 ? Buffer.from(text, 'base64').toString('utf8') : text;
}

/** The image of compute, named, and whether AWS publishes it (an SSM public parameter under `/aws/service/`, Marketplace excepted). */
function imageOf(compute: ComputeView, app: AppView): { readonly label: string; readonly awsPublished: boolean } {
  const res = app.resolveValue(compute.imageFrom, compute.imageId, 'ImageId');
  const value = res.ok && res.values.length === 1 ? res.values[0].value : undefined;
  const parameter = value instanceof DeployTimeValue && value.kind === 'parameter' && typeof value.defaultValue === 'string' ? value.defaultValue
    : typeof value === 'string' ? /^\{\{resolve:ssm:([^}:]+)/.exec(value)?.[1] : undefined;
  if (parameter !== undefined) return { label: `SSM parameter ${parameter}`, awsPublished: AWS_IMAGE_PARAMETER.test(parameter) };
  return { label: typeof value === 'string' ? value : value === undefined ? 'not set here' : String(value), awsPublished: false };
}

function containers(r: ResourceView, app: AppView): RuleVerdict {
  const res = app.resolve(r, 'ContainerDefinitions');
  if (!res.ok) return unverifiable('the container definitions', res.unresolved, 'ContainerDefinitions');
  const fargate = asList(r.properties.RequiresCompatibilities).includes('FARGATE');
  for (const { value } of res.values) {
    for (const [i, definition] of asList<unknown>(value as any).entries()) {
      if (!isObject(definition)) return unverifiable('a container definition', definition, `ContainerDefinitions/${i}`);
      const name = literalString(definition.Name) ?? `#${i + 1}`;
      const config = definition.LogConfiguration;
      const driver = config?.LogDriver;
      if (driver !== undefined && typeof driver !== 'string') return unverifiable(`the log driver of container ${name}`, driver, `ContainerDefinitions/${i}/LogConfiguration/LogDriver`);
      if (SHIPPING_DRIVERS.includes(driver) || (driver === 'syslog' && remoteSyslog(config?.Options?.['syslog-address']))) continue;
      if (!fargate && driver !== 'none' && daemonCollector(r, app)) continue;
      const where = driver === undefined ? `ContainerDefinitions/${i}/LogConfiguration` : `ContainerDefinitions/${i}/LogConfiguration/LogDriver`;
      if (driver === 'none' || (driver === undefined && fargate)) return nonCompliant(`container ${name} ${driver === undefined ? 'has no log configuration' : 'logs with the none driver'}: its output is discarded`, where);
      return nonCompliant(`container ${name} ${driver === undefined ? 'has no log configuration, so Docker\'s json-file driver' : `logs with the ${driver} driver, which`} keeps its output on the host, and no daemon service of the account runs a log collector there`, where);
    }
  }
  return COMPLIANT;
}

function remoteSyslog(address: unknown): boolean {
  return typeof address === 'string' && /^(tcp|udp|tcp\+tls):\/\//.test(address);
}

/** A daemon ECS service of the task definition's account running a log collector image (it reads every container's output on its hosts). */
function daemonCollector(r: ResourceView, app: AppView): ResourceView | undefined {
  const byAccount = app.memo('reliability/log-collector-daemons', () => {
    const index = new Map<string, ResourceView>();
    for (const service of app.ofType('AWS::ECS::Service')) {
      if (literalString(service.properties.SchedulingStrategy) !== 'DAEMON') continue;
      const task = resolveResource(service, service.properties.TaskDefinition, app);
      const images = task?.type === 'AWS::ECS::TaskDefinition' ? asList<any>(task.properties.ContainerDefinitions).map((d) => d?.Image) : [];
      if (images.some((i) => typeof i === 'string' && LOG_COLLECTOR_IMAGE.test(i))) index.set(accountOf(service), service);
    }
    return index;
  });
  return byAccount.get(accountOf(r));
}

/** The add-on that installs the CloudWatch agent and Fluent Bit on every node of an EKS cluster. */
const EKS_LOG_ADDON = 'amazon-cloudwatch-observability';

/**
 * Nodes of EKS managed node groups: the pods' logs leave the nodes through a DaemonSet. Amazon CloudWatch User Guide,
 * "Install the CloudWatch agent with the Amazon CloudWatch Observability EKS add-on": the add-on "installs the CloudWatch
 * agent and Fluent Bit" on the cluster's nodes.
 */
function eksNodes(nodegroups: readonly ResourceView[], app: AppView): RuleVerdict {
  const clusterOf = (from: ResourceView) => {
    const target = resolveResource(from, from.properties.ClusterName, app);
    return target ? `resource:${target.stack.path}/${target.logicalId}` : literalString(from.properties.ClusterName) ?? undefined;
  };
  const covered = new Set(app.ofType('AWS::EKS::Addon').filter((a) => literalString(a.properties.AddonName) === EKS_LOG_ADDON).map(clusterOf));
  const missing = nodegroups.filter((ng) => { const c = clusterOf(ng); return c === undefined || !covered.has(c); });
  if (missing.length === 0) return COMPLIANT;
  return notShown(`the nodes of ${missing.map((ng) => ng.path).join(', ')} run pods whose logs a DaemonSet in the cluster collects, and no ${EKS_LOG_ADDON} add-on (CloudWatch agent and Fluent Bit) is on their cluster: a log collector installed with kubectl or Helm is outside the template`);
}
