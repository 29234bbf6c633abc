// Shown instead of the editor when another site frames it: the workspace is not loaded at all.

/** True when a page of another origin frames this one (a cross-origin top cannot be read). */
export function framedByForeignSite(): boolean {
  if (window.top === window.self) return false;
  try {
    return window.top?.location.origin !== window.location.origin;
  } catch {
    return true;
  }
}

export function FramedRefusal() {
  const direct = window.location.href;
  return (
    <main className="framed-refusal">
      <h1>Steplab can't run inside another site</h1>
      <p>
        For your safety the editor only opens on its own page.{' '}
        <a href={direct} target="_blank" rel="noopener noreferrer">
          Open Steplab
        </a>
        .
      </p>
    </main>
  );
}
