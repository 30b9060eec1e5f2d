/**
 * One read shared by every caller waiting for it at the same time, without ever answering a caller with a read sent
 * before it called: such a read may have missed a write committed just before the call, and the next read after a
 * write must see it. Callers arriving while a read is under way share the next one, sent as soon as that settles, so
 * under load one read answers many callers and at most two are pending.
 */
export function freshSharedReads<T>(read: () => Promise<T>): () => Promise<T> {
  let underWay: Promise<T> | undefined;
  let following: Promise<T> | undefined;
  const ignore = () => undefined;

  const send = () => {
    const sent = read();
    underWay = sent;
    const settled = () => {
      if (underWay === sent) underWay = undefined;
    };
    sent.then(settled, settled);
    return sent;
  };

  return () => {
    if (!underWay) return send();
    following ??= underWay.then(ignore, ignore).then(() => {
      following = undefined;
      return send();
    });
    return following;
  };
}
