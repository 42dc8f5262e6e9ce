import { defineSiteContentMain } from '../../content/site-content-main';
import { BITRIX24_ADAPTER } from '.';

export default defineSiteContentMain(BITRIX24_ADAPTER);
