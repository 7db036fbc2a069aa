import { IdPipe } from '../http/id.pipe';

export const DividendIdPipe = IdPipe('dividend', '分红方案');
