import { Alert } from 'antd';
import { ApiError } from '../api';
import { useT } from '../i18n';

/** The API's problem details as a clerk reads them: the detail, then each field's message. */
export function ErrorAlert({ error }: { error?: Error }) {
  const { t } = useT();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      message={problem?.title ?? t.error}
      description={
        <>
          <div>{error.message}</div>
          {problem?.errors?.map((e) => (
            <div key={e.path}>
              {e.path}: {e.message}
            </div>
          ))}
        </>
      }
    />
  );
}
