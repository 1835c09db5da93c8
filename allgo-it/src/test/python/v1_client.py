"""The protocol of the original allgo Python client, followed to the letter against a server.

Usage: v1_client.py BASE_URL TOKEN WEBAPP PARAM FILE OUTPUT_DIR
Submits a job with one file, polls every 2 s while the status says the job is not over, then
downloads every file listed for the job into OUTPUT_DIR and prints the final status as JSON.
"""
import json
import os
import sys
import time

import requests

NOT_OVER = ("created", "waiting", "running", "in progress")


def create_job(url, token, app, param, files):
    headers = {"Authorization": "Token token={}".format(token), "Accept": "application/json"}
    data = {"job[webapp_name]": app, "job[webapp_id]": app, "job[param]": param, "job[queue]": "standard"}
    opened = {"files[{}]".format(i): open(f, "rb") for i, f in enumerate(files)}
    try:
        r = requests.post("{}/api/v1/jobs".format(url), headers=headers, files=opened, data=data, timeout=60)
    finally:
        for f in opened.values():
            f.close()
    r.raise_for_status()
    return r.json()


def job_status(url, token, job_id):
    headers = {"Authorization": "Token token={}".format(token), "Accept": "application/json"}
    r = requests.get("{}/api/v1/jobs/{}".format(url, job_id), headers=headers, timeout=60)
    r.raise_for_status()
    return r.json()


def run_job(url, token, app, param, files, output_dir):
    created = create_job(url, token, app, param, files)
    job_id = created["id"]
    status = job_status(url, token, job_id)
    while status["status"] in NOT_OVER:
        time.sleep(2)
        status = job_status(url, token, job_id)
    headers = {"Authorization": "Token token={}".format(token)}
    for name, link in status[str(job_id)].items():
        r = requests.get(link, headers=headers, timeout=60)
        r.raise_for_status()
        with open(os.path.join(output_dir, name), "wb") as out:
            out.write(r.content)
    return {"created": created, "status": status}


if __name__ == "__main__":
    base_url, token, webapp, param, input_file, output_dir = sys.argv[1:7]
    print(json.dumps(run_job(base_url, token, webapp, param, [input_file], output_dir)))
