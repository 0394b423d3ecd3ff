/**
 * Every message a host posts to a page carries a revision that grows by one each time. A page
 * applies only a message newer than the last one it applied, so a stale update never paints over
 * a fresh one. A page that is loaded again starts over (and asks for the model with `ready`).
 */
export class LatestRevision {
  private last = -Infinity;

  /** True when `message` is newer than every message accepted before (and remembers it). */
  accept(message: { readonly revision: number }): boolean {
    if (!(message.revision > this.last)) return false;
    this.last = message.revision;
    return true;
  }
}
