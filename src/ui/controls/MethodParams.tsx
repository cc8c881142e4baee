import type { PrototypeMethod } from '../../core/methods/types.ts';
import { useLab } from '../../state/labContext.ts';
import { ParamField } from './ParamField.tsx';

/**
 * The chosen method's parameters, generated from its ParamSpec list. The request keeps only the
 * values that differ from the defaults, so links stay short and a method's defaults stay in one
 * place.
 */
export function MethodParams({ method }: { readonly method: PrototypeMethod }) {
  const params = useLab((s) => s.request.params);
  const setRequest = useLab((s) => s.setRequest);
  if (method.params.length === 0) return null;
  return (
    <fieldset className="params" data-testid="method-params">
      <legend>{method.label} parameters</legend>
      <div className="params-grid">
        {method.params.map((spec) => (
          <ParamField
            key={`${method.id}-${spec.name}`}
            spec={spec}
            value={params[spec.name] ?? spec.default}
            onValue={(value) => {
              const next = { ...params };
              if (Object.is(value, spec.default)) delete next[spec.name];
              else next[spec.name] = value;
              setRequest({ params: next });
            }}
          />
        ))}
      </div>
    </fieldset>
  );
}
