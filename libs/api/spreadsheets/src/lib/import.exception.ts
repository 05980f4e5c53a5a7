import { ErrorCode } from '@kassa/contracts';
import { ApiException, invalidField } from '@kassa/api/http';

/** A problem in one imported row (`row` counts from 1, as a spreadsheet does; `line` is the file's own, for a file). */
export interface ImportRowProblem {
  row: number;
  field: string;
  message: string;
  line?: number;
}

export const importTooLarge = (maxRows: number, rows: number) =>
  new ApiException(ErrorCode.PayloadTooLarge, `At most ${maxRows} rows per import.`, [{ field: 'rows', message: `${rows} rows` }]);

/** Every row problem, named `rows.<index>.<field>`; `outcome` says what did not happen ("nothing was imported"). */
export const importInvalid = (problems: readonly ImportRowProblem[], outcome: string) =>
  new ApiException(
    ErrorCode.ImportInvalid,
    `${problems.length} problems in the rows; ${outcome}.`,
    problems.map((problem) => ({
      field: `rows.${problem.row - 1}.${problem.field}`,
      message: problem.message,
      ...(problem.line === undefined ? {} : { line: problem.line }),
    })),
  );

export const importFileTooLarge = (message: string) => new ApiException(ErrorCode.PayloadTooLarge, message, [{ field: 'file', message }]);

export const importFileUnreadable = (message: string) => new ApiException(ErrorCode.ImportFileUnreadable, message, [{ field: 'file', message }]);

export const importMappingInvalid = (message: string) => new ApiException(ErrorCode.ImportMappingInvalid, message, [{ field: 'mapping', message }]);

export const importFieldInvalid = (field: string, message: string) => invalidField(field, message);

export const importFileMissing = (field: string) =>
  invalidField(field, `send the spreadsheet in the form field "${field}"`, 'A multipart import needs its file.');

export const importUploadMalformed = (message: string) => new ApiException(ErrorCode.MalformedRequest, `The multipart form could not be read: ${message}`);

export const spreadsheetNotAccepted = () => new ApiException(ErrorCode.UnsupportedMediaType, 'Only the import routes take spreadsheet files; send JSON here.');
