'use server';
import { previewCodeMappingInput, saveCodeMappingInput } from '@/lib/domain/contracts/code-mappings';
import { authedAction } from '@/lib/server/action';
import { previewCodeMapping } from '@/lib/server/codes/preview-code-mapping';
import { saveCodeMapping } from '@/lib/server/codes/save-code-mapping';

export const previewCodeMappingAction = authedAction(previewCodeMappingInput, { may: 'manage_code_mappings' }, (input, { actor }) => previewCodeMapping(actor, input));

export const saveCodeMappingAction = authedAction(saveCodeMappingInput, { may: 'manage_code_mappings' }, (input, { actor }) => saveCodeMapping(actor, input));
