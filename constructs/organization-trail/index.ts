export * from './organization-trail';
export * from './alarms';
export * from './props';
