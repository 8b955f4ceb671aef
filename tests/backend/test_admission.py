"""Admission control: a bounded number of requests run, a bounded number
wait, the rest get 503 with Retry-After at once, and everything is admitted
again when the burst is over."""

from __future__ import annotations

import asyncio

import httpx

from backend.admission import AdmissionControl, Limits


class Gate:
    """An ASGI app whose requests hold until the test opens the gate."""

    def __init__(self):
        self.opened = asyncio.Event()
        self.inside = 0
        self.most_inside = 0

    async def __call__(self, scope, receive, send):
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        try:
            await self.opened.wait()
        finally:
            self.inside -= 1
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"ok"})


def _client(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://api.test")


def test_a_burst_runs_within_the_bounds_and_the_rest_is_refused_at_once():
    async def scenario():
        gate = Gate()
        admission = AdmissionControl(gate, Limits(concurrency=3, queue=5, wait=30, retry_after=2))
        async with _client(admission) as client:
            calls = [asyncio.create_task(client.get("/services")) for _ in range(20)]
            await asyncio.sleep(0.2)
            refused = [call for call in calls if call.done()]
            assert admission.running == 3 and admission.waiting == 5
            gate.opened.set()
            answers = await asyncio.gather(*calls)
        return gate, refused, answers

    gate, refused, answers = asyncio.run(scenario())
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [200] * 8 + [503] * 12
    # The twelve beyond the queue were answered while the gate was still shut.
    assert len(refused) == 12 and all(call.result().status_code == 503 for call in refused)
    assert gate.most_inside == 3
    busy = next(answer for answer in answers if answer.status_code == 503)
    assert busy.headers["retry-after"] == "2"
    assert busy.json()["error"]["code"] == "overloaded"


def test_a_request_waits_no_longer_than_the_limit():
    async def scenario():
        gate = Gate()
        admission = AdmissionControl(gate, Limits(concurrency=1, queue=5, wait=0.3))
        async with _client(admission) as client:
            first = asyncio.create_task(client.get("/a"))
            await asyncio.sleep(0.05)
            second = await client.get("/b")  # waits its 0.3 s, then is refused
            assert admission.waiting == 0
            gate.opened.set()
            return (await first).status_code, second.status_code

    assert asyncio.run(scenario()) == (200, 503)


def test_after_the_burst_everything_is_admitted_again():
    async def scenario():
        gate = Gate()
        admission = AdmissionControl(gate, Limits(concurrency=2, queue=2, wait=30))
        async with _client(admission) as client:
            burst = [asyncio.create_task(client.get("/x")) for _ in range(10)]
            await asyncio.sleep(0.1)
            gate.opened.set()
            await asyncio.gather(*burst)
            assert admission.running == 0 and admission.waiting == 0
            after = await asyncio.gather(*(client.get("/x") for _ in range(4)))
        return [answer.status_code for answer in after]

    assert asyncio.run(scenario()) == [200] * 4


def test_health_checks_are_never_queued():
    async def scenario():
        gate = Gate()
        admission = AdmissionControl(gate, Limits(concurrency=1, queue=0, wait=30))
        async with _client(admission) as client:
            held = asyncio.create_task(client.get("/services"))
            await asyncio.sleep(0.05)
            busy = await client.get("/services")
            health_call = asyncio.create_task(client.get("/health"))
            await asyncio.sleep(0.05)
            reached = gate.inside == 2  # the health check got through while the lane was full
            gate.opened.set()
            await held
            return busy.status_code, reached, (await health_call).status_code

    assert asyncio.run(scenario()) == (503, True, 200)


def test_a_caller_giving_up_while_queued_frees_its_place():
    async def scenario():
        gate = Gate()
        admission = AdmissionControl(gate, Limits(concurrency=1, queue=1, wait=30))
        async with _client(admission) as client:
            held = asyncio.create_task(client.get("/a"))
            await asyncio.sleep(0.05)
            impatient = asyncio.create_task(client.get("/b"))
            await asyncio.sleep(0.05)
            impatient.cancel()
            await asyncio.sleep(0.05)
            waiting_after_cancel = admission.waiting
            gate.opened.set()
            await held
            again = await client.get("/c")
            return waiting_after_cancel, admission.running, again.status_code

    assert asyncio.run(scenario()) == (0, 0, 200)
