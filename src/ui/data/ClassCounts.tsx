import { subsetCounts } from '../../data/subset.ts';
import { useData } from '../../state/labContext.ts';

/** Images of each subset class, training and test. */
export function ClassCounts() {
  const subset = useData((s) => s.subset);
  if (!subset) return null;
  const k = subset.classNames.length;
  const train = subsetCounts(subset.train, k);
  const test = subsetCounts(subset.test, k);
  return (
    <div className="data-counts">
      <table data-testid="class-counts">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">class</th>
            <th scope="col">train</th>
            <th scope="col">test</th>
          </tr>
        </thead>
        <tbody>
          {subset.classNames.map((name, i) => (
            <tr key={name}>
              <td>{i}</td>
              <td className="data-class-name">{name.replaceAll('_', ' ')}</td>
              <td data-testid="count-train">{train[i]}</td>
              <td data-testid="count-test">{test[i]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td>total</td>
            <td data-testid="total-train">{subset.train.count}</td>
            <td data-testid="total-test">{subset.test.count}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
