// The cart stepper's changes leave from the browser, so the cookies the answer rewrites (guest cart, rotated session) land there.
export async function send(method, url, token, body) {
    try {
        const response = await fetch(url, {
            method,
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token },
            body: body === null ? undefined : JSON.stringify(body),
        });
        return { status: response.status, contentType: response.headers.get('Content-Type'), body: await response.text() };
    } catch {
        // No answer at all (offline, the connection dropped): the same "try again" as a 503.
        return { status: 503, contentType: null, body: '' };
    }
}
