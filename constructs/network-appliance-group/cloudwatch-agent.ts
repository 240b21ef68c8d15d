/** A custom metric the CloudWatch agent publishes, with the alarm the construct puts on it. */
export interface ApplianceMetricSpec {
  /** Metric name as published by the agent. */
  readonly metricName: string;
  /** What it measures, for the alarm description and the dashboard. */
  readonly label: string;
  /** Key in {@link ApplianceAlarmThresholds}. */
  readonly thresholdKey: 'openSessions' | 'droppedPacketsPerMinute' | 'conntrackAllowanceExceededPerMinute' | 'ppsAllowanceExceededPerMinute';
  /** `gauge`: alarm on the value; `counter`: the agent publishes a cumulative count, alarm on its increase per minute. */
  readonly kind: 'gauge' | 'counter';
}

/** The custom metrics: sessions, dropped packets and the ENA allowance counters. */
export const APPLIANCE_METRICS: readonly ApplianceMetricSpec[] = [
  { metricName: 'netstat_tcp_established', label: 'Open TCP sessions', thresholdKey: 'openSessions', kind: 'gauge' },
  { metricName: 'net_drop_in', label: 'Inbound packets dropped', thresholdKey: 'droppedPacketsPerMinute', kind: 'counter' },
  { metricName: 'ethtool_conntrack_allowance_exceeded', label: 'Packets dropped: connection-tracking allowance exceeded', thresholdKey: 'conntrackAllowanceExceededPerMinute', kind: 'counter' },
  { metricName: 'ethtool_pps_allowance_exceeded', label: 'Packets dropped: PPS allowance exceeded', thresholdKey: 'ppsAllowanceExceededPerMinute', kind: 'counter' },
];

/** Inputs of {@link cloudWatchAgentConfig}. */
export interface CloudWatchAgentConfigOptions {
  readonly namespace: string;
  readonly logGroupName: string;
  readonly logFiles: readonly string[];
}

/**
 * The CloudWatch agent configuration: the custom metrics (aggregated per Auto Scaling group, so
 * alarms survive instance replacement) and the log files shipped to the central log group.
 */
export function cloudWatchAgentConfig(options: CloudWatchAgentConfigOptions): object {
  return {
    agent: { metrics_collection_interval: 60, run_as_user: 'root' },
    metrics: {
      namespace: options.namespace,
      append_dimensions: { AutoScalingGroupName: '${aws:AutoScalingGroupName}', InstanceId: '${aws:InstanceId}' },
      aggregation_dimensions: [['AutoScalingGroupName']],
      metrics_collected: {
        netstat: { measurement: ['tcp_established', 'tcp_time_wait'] },
        net: { measurement: ['drop_in', 'drop_out', 'err_in', 'err_out'], resources: ['*'] },
        ethtool: {
          interface_include: ['*'],
          metrics_include: ['bw_in_allowance_exceeded', 'bw_out_allowance_exceeded', 'pps_allowance_exceeded', 'conntrack_allowance_exceeded', 'linklocal_allowance_exceeded'],
        },
        mem: { measurement: ['mem_used_percent'] },
      },
    },
    logs: {
      logs_collected: {
        files: {
          collect_list: options.logFiles.map((file) => ({
            file_path: file,
            log_group_name: options.logGroupName,
            log_stream_name: `{instance_id}${file}`,
          })),
        },
      },
    },
  };
}
