import { IdPipe } from '../http/id.pipe';

export const OrderIdPipe = IdPipe('order', '订单联结');
