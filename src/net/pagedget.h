// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private helper of the REST clients of this folder (registry, GitLab): one list read page by page. Nothing above
// src/net includes it.

#include "net/apiutil.h"
#include "net/httpclient.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace gd::net::api {

/// Reads a list that a server hands out in pages: sends the first request, lets the client check and parse each
/// answer, follows `Link: <…>; rel="next"` (else the client's own page counting) on the same server, at most
/// `maxPages` pages, and ends with exactly one call of `done`, delivered only while `context` lives (always when it
/// is null). GUI thread (or the CLI's event loop); one request at a time.
template<typename Item>
class PagedGet : public std::enable_shared_from_this<PagedGet<Item>> {
public:
    using ResponseCallback = std::function<void(Result<HttpResponse>)>;
    using Done = std::function<void(Result<std::vector<Item>>)>;

    /// What the client does at each step. Called only while the client lives.
    struct Steps {
        /// Sends one page request the client's way (its authorization) and answers `done`.
        std::function<void(const HttpRequest &request, QObject *context, ResponseCallback done)> send;
        /// The error for an answer that is not 2xx.
        std::function<Error(const HttpRequest &request, const HttpResponse &response)> statusError;
        /// The items of a 2xx answer, or why it is not a page of the list.
        std::function<Result<std::vector<Item>>(const HttpRequest &request, const HttpResponse &response)> parse;
        /// The next page (`url` is this page's) when the answer has no Link header; nullopt at the end. Optional.
        std::function<std::optional<QUrl>(const HttpRequest &request, const HttpResponse &response, const QUrl &url)>
            nextWithoutLink;
        /// The sentence for a next page on another server (the list would stay incomplete).
        std::function<QString()> otherServer;
        /// The error when the client was destroyed before an answer.
        Error (*closed)() = nullptr;
    };

    /// Starts reading at `first` (a request of `client` to `server`); see the class comment.
    static void start(QObject *client, const ServerSettings &server, const HttpRequest &first, QObject *context,
                      int maxPages, Steps steps, Done done)
    {
        auto pages = std::shared_ptr<PagedGet>(new PagedGet(client, server, context, maxPages, std::move(steps),
                                                            std::move(done)));
        pages->request(first);
    }

private:
    PagedGet(QObject *client, const ServerSettings &server, QObject *context, int maxPages, Steps steps, Done done)
        : m_client(client)
        , m_server(server)
        , m_asker(context)
        , m_maxPages(maxPages)
        , m_steps(std::move(steps))
        , m_done(std::move(done))
    {
    }

    /// Sends the request for one page, unless the asker is gone (then nobody is answered).
    void request(const HttpRequest &request)
    {
        if (!m_asker.present())
            return;
        ++m_pages;
        m_steps.send(request, m_asker.context(), [self = this->shared_from_this(), request](Result<HttpResponse> response) {
            self->read(request, response);
        });
    }

    /// Takes the items of one answer and asks for the next page, or ends.
    void read(const HttpRequest &request, const Result<HttpResponse> &response)
    {
        if (!m_client) {
            m_done(m_steps.closed());
            return;
        }
        if (!response) {
            m_done(response.error());
            return;
        }
        if (!isSuccess(response->status)) {
            m_done(m_steps.statusError(request, *response));
            return;
        }
        Result<std::vector<Item>> page = m_steps.parse(request, *response);
        if (!page) {
            m_done(page.error());
            return;
        }
        std::move(page->begin(), page->end(), std::back_inserter(m_items));

        const std::optional<QUrl> next = nextPage(request, *response);
        if (next && m_pages < m_maxPages) {
            if (!sameOrigin(*next, m_server.baseUrl)) {
                m_done(makeError(Error::Code::Network, m_steps.otherServer(),
                                 HttpClient::redact(next->toString(QUrl::RemoveUserInfo))));
                return;
            }
            this->request(followingRequest(request, *next, m_server));
            return;
        }
        m_done(std::move(m_items));
    }

    /// The page after `request`: the Link header's, else the client's count; nullopt at the end.
    std::optional<QUrl> nextPage(const HttpRequest &request, const HttpResponse &response) const
    {
        const QUrl url = requestUrl(m_server, request);
        std::optional<QUrl> next = nextLink(response, url);
        if (!next && m_steps.nextWithoutLink)
            next = m_steps.nextWithoutLink(request, response, url);
        return next;
    }

    QPointer<QObject> m_client;
    ServerSettings m_server;
    CallContext m_asker;
    int m_maxPages = 0;
    Steps m_steps;
    Done m_done;
    std::vector<Item> m_items;
    int m_pages = 0;
};

} // namespace gd::net::api
