import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../api/client';

/** What {@link FileImportButton} shows and does. */
export interface FileImportButtonProps {
  /** Called with the chosen file; nothing is uploaded by the button itself. */
  readonly onFile: (file: File) => void;
  /** True while the file is being sent (the button spins). */
  readonly pending: boolean;
  readonly buttonText: string;
  /** One line beside the button: which columns the file needs. */
  readonly hint: string;
  /** The server's refusal of the last file, listing every problem by row and column; null when none. */
  readonly refused: ApiError | null;
  readonly refusedText: string;
  /** Names the refusal for tests and styles (`data-refusal`). */
  readonly name: string;
}

/**
 * A .csv/.xlsx upload of a table that is taken whole or refused whole (reported values,
 * disbursements): the button with its hint, and below it the refusal with each problem on a
 * line (`第3行「分子」：…`), so the user can fix the file in one go.
 */
export function FileImportButton(props: FileImportButtonProps): ReactNode {
  const { refused } = props;
  return (
    <>
      <Space wrap style={{ marginTop: 12 }}>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            props.onFile(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={props.pending}>
            {props.buttonText}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{props.hint}</Typography.Text>
      </Space>
      {refused && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-refusal={props.name}
          message={props.refusedText}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {refused.issues.map((i) => (
                <li key={`${i.field}:${i.message}`}>
                  {i.field}：{i.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}
