import type { ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** The value written to a CSV download. */
  csv: (row: Row) => string | number;
  numeric?: boolean;
}

export function DataTable<Row>({ caption, columns, rows, rowKey }: { caption: string; columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string }) {
  return (
    <div className="table-scroll">
      <table className="ecl-table ecl-table--zebra data-table">
        <caption className="data-table__caption">{caption}</caption>
        <thead className="ecl-table__head">
          <tr className="ecl-table__row">
            {columns.map((column, index) => (
              <th key={column.header} scope="col" className={column.numeric ? 'ecl-table__header numeric' : 'ecl-table__header'} data-index={index}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="ecl-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="ecl-table__row">
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.header} scope="row" className="ecl-table__cell">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} className={column.numeric ? 'ecl-table__cell numeric' : 'ecl-table__cell'}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
