/** CloudTrail: each trail of the app is logging and delivers its log files. */
import { isFailure } from './aws';
import { notA } from './config';
import { failed, iso, Reader, when, where } from './reader';

/** A trail (`AWS::CloudTrail::Trail`, physical id = trail name): logging and no delivery error, with its last delivery. */
export const readTrail: Reader = async (aws, d) => {
  if (d.type !== 'AWS::CloudTrail::Trail') return notA(d, 'trail');
  const st = await aws.call('cloudtrail:GetTrailStatus', d.env, 'GetTrailStatusCommand', { Name: d.physicalId });
  if (isFailure(st)) {
    if (st.kind === 'not-found') return { state: 'missing', note: `trail ${d.physicalId} not found in ${where(d)}`, results: [], problems: [] };
    return failed('cloudtrail:GetTrailStatus', d.env, st, `trail ${d.physicalId}`);
  }
  const result = {
    where: where(d), source: d.physicalId, state: st.IsLogging ? 'LOGGING' : 'NOT_LOGGING',
    ...(iso(st.LatestDeliveryTime) ? { at: iso(st.LatestDeliveryTime) } : {}),
    detail: `last delivery ${when(st.LatestDeliveryTime)}${st.LatestDeliveryError ? `; delivery error ${st.LatestDeliveryError}` : ''}`,
  };
  if (!st.IsLogging) return { state: 'failing', note: `trail ${d.physicalId} is not logging (stopped ${when(st.StopLoggingTime)})`, results: [result], problems: [] };
  if (st.LatestDeliveryError) return { state: 'failing', note: `trail ${d.physicalId} cannot deliver its log files: ${st.LatestDeliveryError}`, results: [result], problems: [] };
  if (!st.LatestDeliveryTime) return { state: 'not-verified', note: `trail ${d.physicalId} is logging but has delivered no log file yet`, results: [result], problems: [] };
  return { state: 'verified', note: `logging, last delivery ${when(st.LatestDeliveryTime)}`, results: [result], problems: [] };
};
