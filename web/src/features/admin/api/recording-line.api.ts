import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZNewPin,
  ZPromptPlaceholders,
  ZRecorder,
  ZRecordingLine,
} from '../../../../../src/contracts/api/recording-line';

export type {
  TPromptPlaceholders,
  TRecorder,
  TRecordingLineView,
} from '../../../../../src/contracts/api/recording-line';

export const fetchRecordingLines = async () =>
  (await api.get('/api/staff/recording-lines', z.object({ lines: z.array(ZRecordingLine) }))).lines;
export const addRecordingLine = (phoneNumber: string, hotline: string | null) =>
  api.post('/api/staff/recording-lines', { phoneNumber, hotline });
export const fetchRecorders = async () =>
  (await api.get('/api/staff/recording-pins', z.object({ recorders: z.array(ZRecorder) })))
    .recorders;
/** The new PIN is in this answer only: the screen shows it once and keeps it nowhere. */
export const makeNewPin = async (userId: string) =>
  (await api.post(`/api/staff/users/${userId}/recording-pin/new`, undefined, ZNewPin)).pin;
export const fetchPlaceholders = async () =>
  (await api.get('/api/staff/prompt-placeholders', ZPromptPlaceholders)).hotlines;
