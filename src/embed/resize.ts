/**
 * Tells the embedding page how tall the embed is, so it can size the iframe to fit (no inner
 * scroll bar): `{type: 'hypersphere-lab:resize', height}` and the LTI form
 * `{subject: 'lti.frameResize', height}`, posted whenever the height changes. The height is no
 * secret, so it goes to any parent ('*'); only commands coming in are checked by origin.
 */
export function reportHeight(el: Element, target: Window | null = window.parent): () => void {
  if (!target || target === window) return () => {};
  let last = -1;
  const post = () => {
    const height = Math.ceil(el.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    target.postMessage({ type: 'hypersphere-lab:resize', height }, '*');
    target.postMessage({ subject: 'lti.frameResize', height }, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(el);
  post();
  return () => observer.disconnect();
}
