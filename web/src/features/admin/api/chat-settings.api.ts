import { api } from '../../../shared/api/api-client';
import {
  ZCannedReplyList,
  ZChannelConfigList,
  ZWebchatBlockList,
  ZWebchatOrigins,
} from '../../../../../src/contracts/api/chat-settings';
import { ZCannedReply, type TCannedReplyInput } from '../../../../../src/contracts/chat';

export type { TCannedReply, TCannedReplyInput } from '../../../../../src/contracts/chat';
export type { TChannelConfig, TWebchatBlock } from '../../../../../src/contracts/api/chat-settings';

export const fetchChannelConfigs = (hotline: string) =>
  api.get(`/api/staff/chat-channels/${hotline}`, ZChannelConfigList).then((r) => r.channels);

export const fetchCannedReplies = (hotline: string) =>
  api.get(`/api/staff/canned-replies/${hotline}`, ZCannedReplyList).then((r) => r.replies);
export const addCannedReply = (hotline: string, body: TCannedReplyInput) =>
  api.post(`/api/staff/canned-replies/${hotline}`, body, ZCannedReply);
export const changeCannedReply = (hotline: string, id: string, body: TCannedReplyInput) =>
  api.put(`/api/staff/canned-replies/${hotline}/${id}`, body, ZCannedReply);
export const removeCannedReply = (hotline: string, id: string) =>
  api.delete(`/api/staff/canned-replies/${hotline}/${id}`);

export const fetchOrigins = (hotline: string) =>
  api.get(`/api/staff/webchat/origins/${hotline}`, ZWebchatOrigins).then((r) => r.origins);
export const saveOrigins = (hotline: string, origins: string[]) =>
  api
    .put(`/api/staff/webchat/origins/${hotline}`, { origins }, ZWebchatOrigins)
    .then((r) => r.origins);

export const fetchWebchatBlocks = () =>
  api.get('/api/staff/webchat/blocks', ZWebchatBlockList).then((r) => r.blocks);
export const liftWebchatBlock = (id: string) => api.delete(`/api/staff/webchat/blocks/${id}`);
