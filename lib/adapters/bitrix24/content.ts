import { defineSiteContentScript } from '../../content/site-content-script';
import { BITRIX24_ADAPTER } from '.';

export default defineSiteContentScript(BITRIX24_ADAPTER);
