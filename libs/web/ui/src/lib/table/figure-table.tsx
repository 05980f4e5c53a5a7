import type { ReactNode } from 'react';
import styles from './figure-table.module.css';

export interface FigureTableColumn<T> {
  id: string;
  header: string;
  cell(row: T): ReactNode;
  align?: 'start' | 'end';
}

export interface FigureTableProps<T> {
  /** Names the table (`Revenue per day`); read out as its caption. */
  caption: string;
  columns: readonly FigureTableColumn<T>[];
  rows: readonly T[];
  rowKey(row: T, index: number): string;
  /** Said in place of the rows when there are none. */
  empty?: string;
}

/** A small, fully loaded table of figures: a chart's data, a report's rows. No paging, sorting or selection (DataTable does those). */
export function FigureTable<T>({ caption, columns, rows, rowKey, empty = 'Nothing to show.' }: FigureTableProps<T>) {
  return (
    // Focusable, so a keyboard can scroll a long table (the region is named by its caption).
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={caption}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" data-align={column.align ?? 'start'}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className={styles.empty}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={rowKey(row, index)}>
                {columns.map((column) => (
                  <td key={column.id} data-align={column.align ?? 'start'}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
