import { useTrain, useTrainStore } from '../../state/labContext.ts';
import type { TrainSettings } from '../../state/trainStore.ts';
import { LABELLINGS } from '../../train/labellings/registry.ts';
import { TRAIN_LIMITS } from '../../train/types.ts';
import { NumberField } from '../controls/NumberField.tsx';

type NumericKey = 'epochs' | 'batchSize' | 'learningRate' | 'tau' | 'seed';

const NUMBERS: readonly { key: NumericKey; label: string; integer: boolean; title: string }[] = [
  { key: 'epochs', label: 'Epochs', integer: true, title: 'Passes over the training images' },
  { key: 'batchSize', label: 'Batch size', integer: true, title: 'Images per optimiser step' },
  { key: 'learningRate', label: 'Learning rate', integer: false, title: "Adam's step size" },
  {
    key: 'tau',
    label: 'τ (temperature)',
    integer: false,
    title: 'Softmax temperature: smaller τ pulls embeddings harder onto their prototype',
  },
  { key: 'seed', label: 'Seed', integer: true, title: 'Initial weights and batch order' },
];

/** The run's settings; they apply to the next Start and live in the link (`train.*`). */
export function TrainSettingsForm({ disabled }: { readonly disabled: boolean }) {
  const train = useTrainStore();
  const settings = useTrain((s) => s.settings);
  const set = (patch: Partial<TrainSettings>) => train.getState().setSettings(patch);
  return (
    <fieldset className="train-settings" disabled={disabled}>
      <legend className="visually-hidden">Training settings</legend>
      <span className="train-field">
        <label htmlFor="train-mode">Model</label>
        <select
          id="train-mode"
          value={settings.mode}
          onChange={(e) => set({ mode: e.target.value as TrainSettings['mode'] })}
        >
          <option value="fast">fast (fixed features)</option>
          <option value="cnn">cnn (end to end)</option>
        </select>
      </span>
      <span className="train-field">
        <label htmlFor="train-loss">Loss</label>
        <select
          id="train-loss"
          value={settings.loss}
          onChange={(e) => set({ loss: e.target.value as TrainSettings['loss'] })}
        >
          <option value="softmax">softmax ⟨z, c⟩/τ</option>
          <option value="unnormalised">unnormalised logits</option>
          <option value="mettes">Mettes (1 − cos)²</option>
        </select>
      </span>
      <span className="train-field">
        <label
          htmlFor="train-labelling"
          title="Which prototype each class trains toward and is decoded from: separation does not depend on it, accuracy does"
        >
          Labelling
        </label>
        <select
          id="train-labelling"
          value={settings.labelling}
          onChange={(e) => set({ labelling: e.target.value as TrainSettings['labelling'] })}
        >
          {LABELLINGS.map((l) => (
            <option key={l.id} value={l.id} title={l.description}>
              {l.label}
            </option>
          ))}
        </select>
      </span>
      {NUMBERS.map(({ key, label, integer, title }) => (
        <span key={key} className="train-field">
          <label htmlFor={`train-${key}`} title={title}>
            {label}
          </label>
          <NumberField
            id={`train-${key}`}
            value={settings[key]}
            integer={integer}
            min={TRAIN_LIMITS[key].min}
            max={TRAIN_LIMITS[key].max}
            title={title}
            onValue={(v) => {
              if (Number.isFinite(v)) set({ [key]: v });
            }}
          />
        </span>
      ))}
    </fieldset>
  );
}
