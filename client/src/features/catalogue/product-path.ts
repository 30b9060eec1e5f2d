/** A product's page; every link of this feature to a product goes through here. */
export const productPath = (id: string) => `/producten/${id}`;

const PRODUCT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an address's id can be a product's at all; another is not asked for (the API would answer 400). */
export const isProductId = (id: string) => PRODUCT_ID.test(id);
