import { IdPipe } from '../http/id.pipe';

/** Validates a lease id in a path (`lease-<uuid>`): anything else is a 404. */
export const LeaseIdPipe = IdPipe('lease', '土地租赁合同');
