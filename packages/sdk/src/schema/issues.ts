/** A validation issue as zod reports it. */
export interface RawIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  /** For a union: the issues of each of its options. */
  readonly errors?: readonly (readonly RawIssue[])[];
}

/**
 * Issues with unions resolved to the option that was meant: the one whose `kind` matched (its
 * issues name the real field, e.g. `items.3.price.amount`), else the first option. The domain's
 * tagged unions (price rules, help requests, feedback) are plain unions for bundle size; this keeps
 * their errors as precise as a discriminated union's.
 */
export function flattenIssues(issues: readonly RawIssue[], prefix: readonly PropertyKey[] = []): RawIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    const options = issue.code === 'invalid_union' ? issue.errors : undefined;
    if (!options?.length) return [{ ...issue, path }];
    const meant = options.find((list) => !list.some((i) => i.path.length === 1 && i.path[0] === 'kind')) ?? options[0]!;
    return flattenIssues(meant, path);
  });
}
