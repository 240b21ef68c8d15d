// Rules of this group. One rule per file; this list is the only registry.
export {};
