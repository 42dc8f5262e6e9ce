import { defineSiteContentMain } from '../../content/site-content-main';
import { PIPEDRIVE_ADAPTER } from '.';

export default defineSiteContentMain(PIPEDRIVE_ADAPTER);
