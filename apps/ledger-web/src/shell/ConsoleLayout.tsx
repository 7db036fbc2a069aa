import { Breadcrumb, Button, Layout, Menu, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { ROUTES, routeFor, type MenuGroup } from '../console-routes';
import { useT, type Text } from '../i18n';
import { go, type Route } from '../route';
import type { Session } from '../session';

const GROUP_TITLE: Record<MenuGroup, keyof Text> = {
  registry: 'groupRegistry',
  audit: 'groupAudit',
  system: 'groupSystem',
};

export function roleLabel(t: Text, role: Session['role']): string {
  switch (role) {
    case 'admin':
      return t.roleAdmin;
    case 'clerk':
      return t.roleClerk;
    case 'auditor':
      return t.roleAuditor;
    case 'household':
      return t.roleHousehold;
    default: {
      const unknown: never = role;
      return unknown;
    }
  }
}

/** The side menu of what this role may open, grouped as ROUTES says, groups in their first route's order. */
function menuItems(t: Text, session: Session): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  const groups = new Map<MenuGroup, { key: string; label: string }[]>();
  for (const r of ROUTES) {
    if (r.hidden || !r.roles.includes(session.role)) continue;
    const item = { key: r.key, label: t[r.title] };
    if (!r.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(r.group);
    if (!children) {
      children = [];
      groups.set(r.group, children);
      items.push({ type: 'group', key: `g:${r.group}`, label: t[GROUP_TITLE[r.group]] as string, children });
    }
    children.push(item);
  }
  return items;
}

/** The console's frame, Ant Design Pro's way: side menu by role, header with the user, breadcrumb, the page. */
export function ConsoleLayout(props: {
  session: Session;
  route: Route;
  onSignOut: () => void;
  onSwitchLang: () => void;
}) {
  const { t } = useT();
  const { session } = props;
  const [collapsed, setCollapsed] = useState(false);
  const current = routeFor(props.route.path[0], session);
  const menuKey = current.parent ?? current.key;
  const parent = current.parent ? ROUTES.find((r) => r.key === current.parent) : undefined;
  const group = (parent ?? current).group;
  const Page = current.page;
  const place = session.role === 'clerk' ? (session.townships ?? []).join('、') : t.allCounty;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={200} breakpoint="lg">
        <a
          href="#/dashboard"
          style={{ display: 'flex', alignItems: 'center', gap: 8, height: 64, paddingInline: 16, color: '#fff' }}
        >
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && (
            <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
              {t.appTitle}
            </Typography.Text>
          )}
        </a>
        <Menu
          theme="dark"
          mode="inline"
          aria-label={t.appTitle}
          selectedKeys={[menuKey]}
          items={menuItems(t, session)}
          onClick={(e) => go(`/${e.key}`)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            paddingInline: 16,
            boxShadow: '0 1px 4px rgba(0,21,41,.08)',
          }}
        >
          <Space wrap>
            <span aria-label={t.signedInAs}>{session.name}</span>
            <Tag color="red">{roleLabel(t, session.role)}</Tag>
            <span title={place}>{session.role === 'clerk' ? t.townshipsOf(place) : place}</span>
            <Button size="small" onClick={props.onSwitchLang}>
              {t.language}
            </Button>
            <Button size="small" onClick={props.onSignOut}>
              {t.signOut}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={[
              { title: <a href="#/dashboard">{t.home}</a> },
              ...(group ? [{ title: t[GROUP_TITLE[group]] as string }] : []),
              ...(parent ? [{ title: <a href={`#/${parent.key}`}>{t[parent.title]}</a> }] : []),
              ...(current.key === 'dashboard' ? [] : [{ title: t[current.title] }]),
            ]}
          />
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
            <Page session={session} token={session.token} path={props.route.path} params={props.route.params} />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
