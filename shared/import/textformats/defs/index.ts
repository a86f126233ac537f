/* The shipped format definitions (data files beside this one). Keep this list in step with
 * the folder: a unit test fails when a file is missing from it. */
import apacheError from './apache-error.json';
import aptHistory from './apt-history.json';
import bluegeneRas from './bluegene-ras.json';
import caddy from './caddy.json';
import cassandra from './cassandra.json';
import celery from './celery.json';
import django from './django.json';
import dpkg from './dpkg.json';
import elasticsearch from './elasticsearch.json';
import envLogger from './env-logger.json';
import envoy from './envoy.json';
import goLog from './go-log.json';
import gunicorn from './gunicorn.json';
import hadoop from './hadoop.json';
import haproxy from './haproxy.json';
import hclog from './hclog.json';
import journalctl from './journalctl.json';
import kafka from './kafka.json';
import klog from './klog.json';
import log4j from './log4j.json';
import logcat from './logcat.json';
import logrus from './logrus.json';
import macosLog from './macos-log.json';
import mysql from './mysql.json';
import nginxError from './nginx-error.json';
import oslo from './oslo.json';
import postgresql from './postgresql.json';
import pythonLogging from './python-logging.json';
import rabbitmq from './rabbitmq.json';
import redis from './redis.json';
import rubyLogger from './ruby-logger.json';
import spark from './spark.json';
import springBoot from './spring-boot.json';
import syslogPrograms from './syslog-programs.json';
import tomcat from './tomcat.json';
import tracing from './tracing.json';
import traefik from './traefik.json';
import windowsCbs from './windows-cbs.json';
import zap from './zap.json';
import zookeeper from './zookeeper.json';

/** File name → parsed JSON of every shipped definition file. */
export const DEFINITION_FILES: Readonly<Record<string, unknown>> = {
  'apache-error.json': apacheError,
  'apt-history.json': aptHistory,
  'bluegene-ras.json': bluegeneRas,
  'caddy.json': caddy,
  'cassandra.json': cassandra,
  'celery.json': celery,
  'django.json': django,
  'dpkg.json': dpkg,
  'elasticsearch.json': elasticsearch,
  'env-logger.json': envLogger,
  'envoy.json': envoy,
  'go-log.json': goLog,
  'gunicorn.json': gunicorn,
  'hadoop.json': hadoop,
  'haproxy.json': haproxy,
  'hclog.json': hclog,
  'journalctl.json': journalctl,
  'kafka.json': kafka,
  'klog.json': klog,
  'log4j.json': log4j,
  'logcat.json': logcat,
  'logrus.json': logrus,
  'macos-log.json': macosLog,
  'mysql.json': mysql,
  'nginx-error.json': nginxError,
  'oslo.json': oslo,
  'postgresql.json': postgresql,
  'python-logging.json': pythonLogging,
  'rabbitmq.json': rabbitmq,
  'redis.json': redis,
  'ruby-logger.json': rubyLogger,
  'spark.json': spark,
  'spring-boot.json': springBoot,
  'syslog-programs.json': syslogPrograms,
  'tomcat.json': tomcat,
  'tracing.json': tracing,
  'traefik.json': traefik,
  'windows-cbs.json': windowsCbs,
  'zap.json': zap,
  'zookeeper.json': zookeeper,
};
