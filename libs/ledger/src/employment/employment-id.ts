import { IdPipe } from '../http/id.pipe';

export const EmploymentIdPipe = IdPipe('employment', '劳务联结');
