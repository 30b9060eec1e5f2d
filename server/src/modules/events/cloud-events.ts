import { CloudEvent, HTTP } from 'cloudevents';
import { type CloudEventBody, SEQUENCE_DIGITS } from '@tm/shared/schemas/events';
import type { StoredEvent } from './events.repository.ts';

/**
 * The NL GOV profile for CloudEvents asks for a URN in the `nld` namespace naming the publishing organisation and
 * system; an operator with an OIN sets EVENT_SOURCE to `urn:nld:oin:<OIN>:systeem:transitiemonitor`.
 */
export const DEFAULT_EVENT_SOURCE = 'urn:nld:vng.transitiemonitor';

/** An event as CloudEvents 1.0, checked by the CloudEvents SDK against the specification on the way out. */
function cloudEvent(event: StoredEvent, source: string): CloudEvent<unknown> {
  return new CloudEvent<unknown>({
    specversion: '1.0',
    id: event.id,
    source,
    type: event.type,
    subject: event.subject,
    time: event.recordedAt,
    datacontenttype: 'application/json',
    sequence: String(event.position).padStart(SEQUENCE_DIGITS, '0'),
    ...(event.municipalityCode ? { municipalitycode: event.municipalityCode } : {}),
    data: event.data,
  });
}

export function toCloudEvent(event: StoredEvent, source: string): CloudEventBody {
  return cloudEvent(event, source).toJSON() as CloudEventBody;
}

/** The HTTP structured content mode of the CloudEvents HTTP binding: the JSON event as the body, with its media type. */
export function structuredMessage(event: StoredEvent, source: string): { contentType: string; body: string } {
  const message = HTTP.structured(cloudEvent(event, source));
  return { contentType: String(message.headers['content-type']), body: String(message.body) };
}
