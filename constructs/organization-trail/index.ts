export * from './organization-trail';
export * from './alarms';
