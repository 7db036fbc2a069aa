import { IdPipe } from '../http/id.pipe';

export const ProjectIdPipe = IdPipe('project', '扶贫项目');
