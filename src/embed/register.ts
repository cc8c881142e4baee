import { defineHypersphereLab } from './element.tsx';
import { installElementStyles } from './scopedStyles.ts';

/** The entry a host page loads to use `<hypersphere-lab>` elements. */
installElementStyles('hypersphere-lab');
defineHypersphereLab('hypersphere-lab');
