/** The error the SDK raises once its retries give up on a throttled call. */
export function throttlingError(): Error {
  const error = new Error('Rate exceeded');
  error.name = 'ThrottlingException';
  return error;
}
