#!/usr/bin/env node
// The CDK app: every reference deployment in examples/, each as its own Stage with all packs.
import { App } from 'aws-cdk-lib';
import { buildReferenceApp } from '../examples/app';

buildReferenceApp(new App());
