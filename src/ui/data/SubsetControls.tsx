import { useData } from '../../state/labContext.ts';

/** Which classes and how many images of each: the class-balanced subset, drawn with a seed. */
export function SubsetControls() {
  const fields = useData((s) => s.fields);
  const setFields = useData((s) => s.setSubsetFields);
  const error = useData((s) => s.subsetError);
  const format = useData((s) => s.dataset?.format);
  return (
    <div className="data-subset">
      <label className="field">
        <span>Classes</span>
        <input
          id="data-classes"
          type="text"
          spellCheck={false}
          value={fields.classes}
          onChange={(e) => setFields({ classes: e.target.value })}
        />
      </label>
      <p className="hint">
        <code>all</code>, <code>first:5</code>, or names in the order to number them (
        <code>cat,dog</code>)
        {format === 'cifar100' && (
          <>
            , or <code>superclass:vehicles_1,trees</code>
          </>
        )}
        .
      </p>
      <div className="row data-row-3">
        <label className="field">
          <span>Train / class</span>
          <input
            id="data-train-per-class"
            type="text"
            inputMode="numeric"
            value={fields.trainPerClass}
            onChange={(e) => setFields({ trainPerClass: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Test / class</span>
          <input
            id="data-test-per-class"
            type="text"
            inputMode="numeric"
            value={fields.testPerClass}
            onChange={(e) => setFields({ testPerClass: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Seed</span>
          <input
            id="data-seed"
            type="text"
            inputMode="numeric"
            value={fields.seed}
            onChange={(e) => setFields({ seed: e.target.value })}
          />
        </label>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="subset-error">
          {error}
        </p>
      )}
    </div>
  );
}
