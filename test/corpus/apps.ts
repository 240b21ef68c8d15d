/** Every app of the corpus, in the order the test runs them. */
import { auroraReplica } from './aurora-replica/expected';
import { backupRegions } from './backup-regions/expected';
import { dnsHaProxy } from './dns-ha-proxy/expected';
import { ecsCapacityProvider } from './ecs-capacity-provider/expected';
import { eksPlatform } from './eks-platform/expected';
import { dotnetFargate } from './dotnet-fargate/expected';
import { eventPipeline } from './event-pipeline/expected';
import { ecsRedis } from './ecs-redis/expected';
import { hubSpokeInspection } from './hub-spoke-inspection/expected';
import { fsxManagedAd } from './fsx-managed-ad/expected';
import { iamShapes } from './iam-shapes/expected';
import { kmsByok } from './kms-byok/expected';
import { migrationLandingZone } from './migration-landing-zone/expected';
import { nlbFleetAccelerator } from './nlb-fleet-accelerator/expected';
import { networkMonitoring } from './network-monitoring/expected';
import { saasApi } from './saas-api/expected';
import { sdwanGwlb } from './sdwan-gwlb/expected';
import { serverlessApi } from './serverless-api/expected';
import { singleServer } from './single-server/expected';
import { sqlServerHa } from './sql-server-ha/expected';
import { staticSite } from './static-site/expected';
import { streamingAnalytics } from './streaming-analytics/expected';
import { tgwVpn } from './tgw-vpn/expected';
import { threeTierEdge } from './three-tier-edge/expected';
import { CorpusApp } from './types';
import { vpnSingleBgp } from './vpn-single-bgp/expected';
import { webTier } from './web-tier/expected';
import { windowsFileServer } from './windows-file-server/expected';
import { windowsPatching } from './windows-patching/expected';

export const CORPUS: readonly CorpusApp[] = [
  webTier,
  singleServer,
  ecsRedis,
  auroraReplica,
  dotnetFargate,
  fsxManagedAd,
  windowsFileServer,
  staticSite,
  serverlessApi,
  eventPipeline,
  streamingAnalytics,
  saasApi,
  backupRegions,
  tgwVpn,
  vpnSingleBgp,
  sdwanGwlb,
  dnsHaProxy,
  networkMonitoring,
  windowsPatching,
  kmsByok,
  iamShapes,
  threeTierEdge,
  hubSpokeInspection,
  nlbFleetAccelerator,
  sqlServerHa,
  migrationLandingZone,
  eksPlatform,
  ecsCapacityProvider,
];
