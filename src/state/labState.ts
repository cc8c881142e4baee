import type { StateCreator } from 'zustand';
import type { PresentationSlice } from './presentation.ts';
import type { PrototypesSlice } from './prototypes.ts';
import type { ViewSlice } from './view.ts';

/**
 * The lab store's state: one slice per concern (data, training and experiments have stores of
 * their own, labContext.ts).
 */
export type LabState = PrototypesSlice & ViewSlice & PresentationSlice;

/** A slice sees (and may set) the whole state but creates only its own part. */
export type SliceCreator<Slice> = StateCreator<LabState, [], [], Slice>;
