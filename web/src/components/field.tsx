import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  /** The input's id; also the API field path whose errors it shows. */
  readonly id: string;
  readonly label: string;
  readonly errors?: readonly string[] | undefined;
  readonly hint?: ReactNode;
}

function describedBy(frame: FieldFrame): string | undefined {
  const ids = [
    frame.hint === undefined ? '' : `${frame.id}-hint`,
    frame.errors?.length ? `${frame.id}-error` : '',
  ];
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** Label, control, hint and the field's errors, tied together for screen readers. */
function Frame({ frame, children }: { frame: FieldFrame; children: ReactNode }) {
  const invalid = (frame.errors?.length ?? 0) > 0;
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label htmlFor={frame.id}>{frame.label}</label>
      {children}
      {frame.hint === undefined ? null : (
        <p className="field__hint" id={`${frame.id}-hint`}>
          {frame.hint}
        </p>
      )}
      {invalid ? (
        <ul className="field__errors" id={`${frame.id}-error`}>
          {frame.errors?.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function a11y(frame: FieldFrame) {
  const by = describedBy(frame);
  return {
    id: frame.id,
    'aria-invalid': (frame.errors?.length ?? 0) > 0,
    ...(by ? { 'aria-describedby': by } : {}),
  };
}

type InputProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function InputField({ id, label, errors, hint, ...input }: InputProps) {
  const frame = { id, label, errors, hint };
  return (
    <Frame frame={frame}>
      <input {...input} {...a11y(frame)} />
    </Frame>
  );
}

type SelectProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { children: ReactNode };

export function SelectField({ id, label, errors, hint, children, ...select }: SelectProps) {
  const frame = { id, label, errors, hint };
  return (
    <Frame frame={frame}>
      <select {...select} {...a11y(frame)}>
        {children}
      </select>
    </Frame>
  );
}

type TextAreaProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ id, label, errors, hint, ...area }: TextAreaProps) {
  const frame = { id, label, errors, hint };
  return (
    <Frame frame={frame}>
      <textarea {...area} {...a11y(frame)} />
    </Frame>
  );
}
