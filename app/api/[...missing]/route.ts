// Unknown API paths: a JSON 404, not the app's not-found page (which the pages' catch-all would render).
const missing = () => Response.json({ ok: false, code: 'not_found', message: 'There is no such API endpoint.' }, { status: 404 });

export { missing as GET, missing as POST, missing as PUT, missing as PATCH, missing as DELETE };
