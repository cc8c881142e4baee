import { useLab } from '../../state/labContext.ts';

/** The app root's class and palette attribute: presentation mode and the palette's CSS. */
export function useAppLook(): { className: string; 'data-palette': string } {
  const present = useLab((s) => s.present);
  const palette = useLab((s) => s.palette);
  return { className: present ? 'app present' : 'app', 'data-palette': palette };
}
