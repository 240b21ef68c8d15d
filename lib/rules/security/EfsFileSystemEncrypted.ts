import { defineRule, NOT_APPLICABLE } from '../rule';
import { requireTrue } from '../utils/checks';

/**
 * Reads: `AWS::EFS::FileSystem`.
 * Fails when: `Encrypted` is not true.
 * Fix: set `encrypted: true` (with a customer managed key).
 */
export const EfsFileSystemEncrypted = defineRule({
  name: 'EfsFileSystemEncrypted',
  description: 'EFS file systems are encrypted at rest',
  fix: 'Set encrypted: true and kmsKey to a customer managed key',
  resourceTypes: ['AWS::EFS::FileSystem'],
  scope: 'resource',
  check(r, app) {
    if (r.type !== 'AWS::EFS::FileSystem') return NOT_APPLICABLE;
    return requireTrue(r, 'Encrypted', 'the file system is not encrypted', app);
  },
});
