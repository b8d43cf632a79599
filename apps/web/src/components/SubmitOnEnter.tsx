/**
 * A form whose buttons sit in a Drawer/Modal footer (outside the <form>) still submits with Enter:
 * browsers only submit implicitly when the form holds a submit button.
 */
export function SubmitOnEnter() {
  return <button type="submit" className="vp-visually-hidden" tabIndex={-1} aria-hidden="true" />;
}
