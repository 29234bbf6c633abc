// A decorative symbol beside a word: hidden from screen readers, so "▶ Run" is read as "Run".
export function Glyph({ children }: { children: string }) {
  return (
    <span className="glyph" aria-hidden="true">
      {children}
    </span>
  );
}
