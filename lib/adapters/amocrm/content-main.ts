import { defineSiteContentMain } from '../../content/site-content-main';
import { AMOCRM_ADAPTER } from '.';

export default defineSiteContentMain(AMOCRM_ADAPTER);
