import type { ReactNode } from 'react';
import type { FormProblem } from './field-errors';

/** A failure announced to screen readers as it appears. */
export function ErrorBanner({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--error" role="alert">
      {children}
    </div>
  );
}

export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}

/** The summary of a rejected form, with the errors no field of the form shows. */
export function ProblemSummary({ problem }: { problem: FormProblem | undefined }) {
  if (problem === undefined) return null;
  return (
    <ErrorBanner>
      <p>{problem.summary}</p>
      {problem.other.length > 0 ? (
        <ul>
          {problem.other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </ErrorBanner>
  );
}
