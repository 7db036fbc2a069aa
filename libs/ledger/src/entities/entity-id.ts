import { IdPipe } from '../http/id.pipe';

export const EntityIdPipe = IdPipe('entity', '经营主体');
