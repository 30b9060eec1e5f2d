/**
 * The vocabulary of The Open Group's ArchiMate Model Exchange File Format (AMEFF) that this application writes and
 * reads: its namespace, the concrete element and relationship types of ArchiMate 3.1, the data types of a property
 * definition, and what an identifier must look like. Taken from reading the exchange format's XSDs; the XSDs
 * themselves are The Open Group's and are not part of this project.
 */

/** ArchiMate 3.0 and 3.1 share this namespace; 3.1 changed the schema, not the namespace. */
export const AMEFF_NAMESPACE = 'http://www.opengroup.org/xsd/archimate/3.0/';
export const AMEFF_SCHEMA_LOCATION = 'http://www.opengroup.org/xsd/archimate/3.1/archimate3_Model.xsd';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** The `xsi:type`s an `element` may have: the concrete element types of ArchiMate 3.1. */
export const ELEMENT_TYPES = new Set([
  'BusinessActor', 'BusinessRole', 'BusinessCollaboration', 'BusinessInterface', 'BusinessProcess', 'BusinessFunction',
  'BusinessInteraction', 'BusinessEvent', 'BusinessService', 'BusinessObject', 'Contract', 'Representation', 'Product',
  'ApplicationComponent', 'ApplicationCollaboration', 'ApplicationInterface', 'ApplicationFunction',
  'ApplicationInteraction', 'ApplicationProcess', 'ApplicationEvent', 'ApplicationService', 'DataObject',
  'Node', 'Device', 'SystemSoftware', 'TechnologyCollaboration', 'TechnologyInterface', 'Path', 'CommunicationNetwork',
  'TechnologyFunction', 'TechnologyProcess', 'TechnologyInteraction', 'TechnologyEvent', 'TechnologyService', 'Artifact',
  'Equipment', 'Facility', 'DistributionNetwork', 'Material',
  'Stakeholder', 'Driver', 'Assessment', 'Goal', 'Outcome', 'Principle', 'Requirement', 'Constraint', 'Meaning', 'Value',
  'Resource', 'Capability', 'ValueStream', 'CourseOfAction',
  'WorkPackage', 'Deliverable', 'ImplementationEvent', 'Plateau', 'Gap',
  'Grouping', 'Location', 'AndJunction', 'OrJunction',
]);

/** The `xsi:type`s a `relationship` may have. */
export const RELATIONSHIP_TYPES = new Set([
  'Composition', 'Aggregation', 'Assignment', 'Realization', 'Serving', 'Access', 'Influence', 'Triggering', 'Flow',
  'Specialization', 'Association',
]);

/** The `type` of a `propertyDefinition`. */
export const PROPERTY_DATA_TYPES = new Set(['string', 'boolean', 'currency', 'date', 'time', 'number']);
export type PropertyDataType = 'string' | 'boolean' | 'currency' | 'date' | 'time' | 'number';

/**
 * Identifiers are `xs:ID`s, so XML NCNames: a letter or underscore first, no colon, no space. A UUID may start with
 * a digit, so every identifier this application writes carries a prefix.
 */
const NC_NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7\u203F\u2040]*$/u;

export function isNcName(value: string): boolean {
  return NC_NAME.test(value);
}
